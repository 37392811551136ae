import { expect } from '@open-wc/testing';

// The runner opens each test file in a window of its own, as an agent's console runs: a hidden
// background tab would run no animation frames and hide timing bugs behind time-outs.
describe('test harness', () => {
  it('runs every test file in a visible page where animation frames fire', async () => {
    await new Promise((r) => requestAnimationFrame(r));
    expect(document.visibilityState).to.equal('visible');
  });
});
