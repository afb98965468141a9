import { type Harness, makeHarness } from '../../support/harness';
import { registered } from '../../support/scenarios/claims';

// The claim link on a receipt (application/claims.ts): the code is added to the office's link whether or not that
// link already carries a query.

let h: Harness;
afterEach(() => h.close());

test('a claim link with a query of its own gets the code as one more parameter', async () => {
  h = await makeHarness({ config: { claimLinkBase: 'https://zwfw.example.gov.cn/rvi/claim?from=receipt' } });
  const { claim } = await registered(h);
  const code = claim.code.replace('-', '');
  expect(claim.link).toBe(`https://zwfw.example.gov.cn/rvi/claim?from=receipt&code=${code}`);
  expect(claim.path).toBe(`/pages/claim-case/claim-case?code=${code}`);
});
