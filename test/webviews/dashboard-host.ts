// The extension's part for the dashboard's browser tests: the same digest the extension sends
// (language-server/src/shared/dashboard-digest.ts) of a fixture's real analysis, and answers to
// the page's member requests.
import { dashboardModel, digestResults, memberSeries } from '../../language-server/src/shared/dashboard-digest';
import type { DashboardStatus, HostToDashboard } from '../../language-server/src/shared/dashboard-messages';
import type { ElementRef } from '../../language-server/src/shared/panel-messages';
import type { Fixture } from './support/fixtures';
import type { PanelPage } from './support/page';

export type Posted = { type: string; [k: string]: unknown };
export const isType = <T extends Posted = Posted>(type: string) => (m: unknown): m is T => (m as Posted)?.type === type;

export function updateMessage(f: Fixture, status: DashboardStatus = { resultsCurrent: true, analysis: 'done' }): HostToDashboard {
  return { type: 'update', model: dashboardModel(f.view), results: digestResults(f.results), status };
}

/** Answers every `memberRequest` of the page from `fixture()` (the current one) as the extension does. */
export function serveMembers(p: PanelPage, fixture: () => Fixture): () => void {
  return p.onPost((m) => {
    if (!isType('memberRequest')(m)) return;
    const ref = m.element as ElementRef;
    const f = fixture();
    const length = f.view.members.find((x) => x.name === ref.name)?.length;
    void p.send({ type: 'member', series: memberSeries(f.results, ref.name, length) } satisfies HostToDashboard).catch(() => undefined);
  });
}

/** Sends an update and waits until the page has drawn it; answers the page's own measure of the
 * time from the message to the last figure drawn, ms. The message crosses as one JSON string:
 * playwright's structured argument passing takes tens of seconds for a large model's digest,
 * which VS Code's postMessage does not. */
export async function feed(p: PanelPage, message: HostToDashboard, timeout = 60000): Promise<number> {
  const before = await p.page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
  await p.page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
  await p.page.waitForFunction((n) => Number(document.body.dataset.rendered ?? 0) > n, before, { timeout });
  return p.page.evaluate(() => Number(document.body.dataset.renderMs));
}

/** Waits until the member diagrams show `member`. */
export async function waitForDiagrams(p: PanelPage, member: string): Promise<void> {
  await p.page.waitForFunction((m) => {
    const plot = document.querySelector('#figure-diagrams .plot') as (HTMLElement & { data?: unknown[] }) | null;
    return !!plot?.data?.length && document.querySelector('#figure-diagrams .caption')?.textContent?.startsWith(`${m} under`);
  }, member, { timeout: 30000 });
}
