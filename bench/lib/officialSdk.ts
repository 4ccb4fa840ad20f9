// Tencent Cloud's official Node SDK (a devDependency), set up to call a local server: the SDK derives
// the signing service and Host from its endpoint, so it is given the real host name and an agent
// that connects every request to the local port instead.
import http from "node:http";
import net from "node:net";

export interface OfficialLiveClient { DescribeLiveDomain(req: { DomainName: string }): Promise<{ DomainInfo?: { Name?: string } }> }

export function agentTo(port: number): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  (agent as unknown as { createConnection: () => net.Socket }).createConnection = () => net.connect(port, "127.0.0.1");
  return agent;
}

export function officialSdkClient(credentials: { secretId: string; secretKey: string }, agent: http.Agent): OfficialLiveClient {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { live } = require("tencentcloud-sdk-nodejs/tencentcloud/services/live");
  return new live.v20180801.Client({
    credential: credentials,
    region: "",
    profile: { language: "en-US", httpProfile: { endpoint: "live.tencentcloudapi.com", protocol: "http://", agent } },
  });
}
