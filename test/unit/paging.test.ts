// Paging through a Describe* listing: every page until the total, and no endless loop on a short page.
import { expect } from "chai";
import { collectPages } from "../../provider/tencentcloud/paging";

describe("collectPages", () => {
  const listing = (total: number, reported = total) => {
    const asked: number[] = [];
    const fetch = async (i: number) => {
      asked.push(i);
      const rows = Array.from({ length: Math.max(0, Math.min(3, total - i * 3)) }, (_, k) => i * 3 + k);
      return { rows, total: reported };
    };
    return { asked, fetch };
  };

  it("follows pages until the total is reached", async () => {
    const { asked, fetch } = listing(7);
    expect(await collectPages(3, fetch)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(asked).to.deep.equal([0, 1, 2]);
  });

  it("stops at an exact multiple without asking for an empty page", async () => {
    const { asked, fetch } = listing(6);
    expect(await collectPages(3, fetch)).to.have.length(6);
    expect(asked).to.deep.equal([0, 1]);
  });

  it("stops on a short page even when the reported total is larger", async () => {
    const { asked, fetch } = listing(4, 100);
    expect(await collectPages(3, fetch)).to.deep.equal([0, 1, 2, 3]);
    expect(asked).to.deep.equal([0, 1]);
  });
});
