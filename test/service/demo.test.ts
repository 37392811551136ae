// The demo console on the Mend service (what `npm start` runs): the agent desk and the Team lead
// tab each on their own ServiceAdapter (the agent's token, the lead's). The lead-desk scenario of
// test/demo/lead-tab.test.ts, here over the service's event stream: a spend above the threshold
// made at the agent desk reaches the lead's queue, the lead's keyboard approval reaches the agent's
// meter and notice.
import { expect } from '@open-wc/testing';
import { ServiceAdapter } from '../../src/adapter/service.js';
import { approveAtLeadDesk, buttonNamed, fundLeft, inside, mount, text, unmountAll, until } from '../demo/helpers.js';

afterEach(unmountAll);

before(async function () {
  this.timeout(180_000);
  await fetch('/__mend-service/session?db=pglite');
});

describe('the demo console on the service: the Team lead tab', () => {
  it("a spend above the threshold reaches the lead's queue; the lead's approval reaches the agent's meter", async () => {
    const s = await (await fetch('/__mend-service/session?db=pglite')).json();
    const mounted = await mount({ url: s.url, token: s.token, leadToken: s.leadToken });
    const { root, demo } = mounted;
    expect(demo.service).to.be.instanceOf(ServiceAdapter);
    expect(demo.lead.adapter).to.be.instanceOf(ServiceAdapter);
    await until(() => text(inside(root, '.col-tools mend-fund-meter', '.pending')) === '$60.00 pending approval (1)', 'the seeded pending spend, from the service');

    await approveAtLeadDesk(mounted);
    await expect(root).to.be.accessible();
  });
});

describe('the demo console on the service: Reset demo data', () => {
  it("restores the service's data too: what the desk spent is back in the fund", async () => {
    const s = await (await fetch('/__mend-service/session?db=pglite')).json();
    const { root } = await mount({ url: s.url, token: s.token, leadToken: s.leadToken });
    await until(() => fundLeft(root) === '$70.00 left of $200.00', 'the seeded fund, from the service');
    await until(() => !!inside(root, 'mend-offer-picker', '[part~="accept"]'), 'the recommendation');
    inside<HTMLButtonElement>(root, 'mend-offer-picker', '[part~="accept"]')!.click();
    await until(() => fundLeft(root) === '$55.00 left of $200.00', 'the spend, recorded by the service');

    buttonNamed(root, 'Reset demo data').click();
    await until(() => text(root.querySelector('.notice')) === 'The demo data is restored.', 'the reset');
    await until(() => fundLeft(root) === '$70.00 left of $200.00', "the service's fund restored");
    const fund = await (await fetch(`${s.url}/v1/funds/agent-dana`, { headers: { authorization: `Bearer ${s.token}` } })).json();
    expect(fund.spent).to.equal(7_000);
  });
});
