import type { FrameLocator, Page } from 'playwright-core';

/**
 * Clicks through the sandbox's fake Mono widget: the bank (by name, or the first one when the list is shown),
 * the login, the one-time code when the bank asks for it, the account (by sandbox id, or the default), Link.
 */
export async function driveWidget(widget: Page | FrameLocator, options: { bank?: string; account?: string } = {}): Promise<void> {
  if (options.bank) await widget.locator(`button.bank[data-name="${options.bank}"]`).click();
  else {
    const first = widget.locator('button.bank').first();
    if (await first.isVisible().catch(() => false)) await first.click();
  }
  await widget.locator('#username').fill('sandbox');
  await widget.locator('#password').fill('sandbox');
  await widget.locator('#login-submit').click();
  const otp = widget.locator('#otp');
  const accountStep = widget.locator('#step-account');
  await Promise.race([otp.waitFor({ state: 'visible' }), accountStep.waitFor({ state: 'visible' })]);
  if (await otp.isVisible()) {
    await otp.fill('123456');
    await widget.locator('#otp-submit').click();
    await accountStep.waitFor({ state: 'visible' });
  }
  if (options.account) await widget.locator(`input[name=account][value="${options.account}"]`).check();
  await widget.locator('#link').click();
}
