// CSS domains from a seed (`liveDomains`): push (type 0) or playback (type 1) domains, unbound.
import type { LiveDomainInfo } from "../../../provider/tencentcloud/types";
import { chinaTime } from "../../core/format";
import { SeedError } from "../../core/seed";
import type { AccountSeed } from "../../types";
import type { LiveBackend } from "./model";

type LiveDomainSeed = NonNullable<AccountSeed["liveDomains"]>[number];

function addLiveDomain(live: LiveBackend, d: LiveDomainSeed): void {
  if (typeof d?.name !== "string" || d.name === "") throw new SeedError("every liveDomains entry needs a name");
  if (d.type !== 0 && d.type !== 1) throw new SeedError(`live domain ${d.name}: type must be 0 (push) or 1 (play)`);
  const name = d.name.toLowerCase();
  const target = d.type === 1 ? `${name}.livecdn.liveplay.myqcloud.com` : `${name}.livepush.myqcloud.com`;
  const info: LiveDomainInfo = {
    Name: name, Type: d.type, Status: d.status ?? 1, CreateTime: chinaTime(live.now()), BCName: 0, TargetDomain: target,
    PlayType: d.type === 1 ? 1 : 0, IsDelayLive: 0, CurrentCName: target, IsMiniProgramLive: 0,
    // Not rented, as in the documented DescribeLiveDomains example.
    RentTag: 0, RentExpireTime: "0000-00-00 00:00:00",
  };
  live.add({ info });
}

export function seedLive(live: LiveBackend, seed: AccountSeed): void {
  for (const d of seed.liveDomains ?? []) addLiveDomain(live, d);
}
