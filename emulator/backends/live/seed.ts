// CSS domains from a seed (`liveDomains`): push (type 0) or playback (type 1) domains, unbound.
import type { LiveDomainInfo } from "../../../provider/tencentcloud/types";
import { chinaTime } from "../../core/format";
import { listOf, object, oneOf, text } from "../../core/seed";
import type { AccountSeed } from "../../types";
import type { LiveBackend } from "./model";

/** type 0 push, 1 playback; status 0 disabled, 1 enabled. */
export const LIVE_SEED_SHAPE = { liveDomains: listOf(object({ name: text, type: oneOf(0, 1), status: oneOf(0, 1) }, ["name", "type"])) };

type LiveDomainSeed = NonNullable<AccountSeed["liveDomains"]>[number];

function addLiveDomain(live: LiveBackend, d: LiveDomainSeed): void {
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
