// The demo's team-lead tab (issue #17): a spend above the agent's threshold made at the agent's
// desk reaches the lead's queue live (badge, notice), the lead approves it by keyboard, and the
// decision reaches the agent's fund meter; the tabs follow the ARIA tabs pattern; axe on both.
// The same scenario runs on the Mend service in test/service/demo.test.ts.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { approveAtLeadDesk, deskTab as tab, mount, unmountAll } from './helpers.js';

afterEach(unmountAll);

describe('demo console: the team lead tab', () => {
  it('a spend above the threshold at the agent desk reaches the lead, whose approval reaches the agent', async () => {
    const mounted = await mount();
    const { root, demo } = mounted;
    expect(tab(root, 'agent').getAttribute('aria-selected')).to.equal('true');
    expect(root.querySelector('#lead-panel')!.hasAttribute('hidden')).to.equal(true);

    await approveAtLeadDesk(mounted);
    expect(tab(root, 'lead').getAttribute('aria-selected')).to.equal('true');
    expect(root.querySelector('#agent-panel')!.hasAttribute('hidden')).to.equal(true);
    await expect(root).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    tab(root, 'lead').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(demo.tab).to.equal('agent');
    expect(document.activeElement).to.equal(tab(root, 'agent'));
  });
});
