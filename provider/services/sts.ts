// Every STS call (sts 2018-08-13): the credentials of an assumed role or of a web identity, and whose
// account a credential reaches (the `accountId` output).
import type { TencentCloudClient } from "../tencentcloud/client";
import type { AssumeRoleRequest, AssumeRoleWithWebIdentityRequest, GetCallerIdentityResponse, TemporaryCredentialsResponse } from "../tencentcloud/types";

export class StsService {
  constructor(private readonly client: TencentCloudClient) {}

  assumeRole(request: AssumeRoleRequest): Promise<TemporaryCredentialsResponse> {
    return this.client.sts.assumeRole(request);
  }

  /** Sent unsigned (the client of an "unsigned" identity): the token is the proof. */
  assumeRoleWithWebIdentity(request: AssumeRoleWithWebIdentityRequest): Promise<TemporaryCredentialsResponse> {
    return this.client.sts.assumeRoleWithWebIdentity(request);
  }

  callerIdentity(): Promise<GetCallerIdentityResponse> {
    return this.client.sts.getCallerIdentity({});
  }
}
