"""Checks run on every page a browser journey visits: axe-core's serious and critical
accessibility violations (WCAG 2.1 A/AA and best practice) and, at phone width, any sideways
scrolling (document wider than the window).

The page fixture installs them once per browser context: axe is injected into each document
and runs when it has loaded, reporting back through a binding, so pages reached by a click or a
redirect are checked as well as those opened with ``goto``. The journey's last page is checked
again at teardown (a check still running when the journey ended would otherwise be lost).
"""

import json
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

SEVERE = ("serious", "critical")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

AUDIT_JS = """
(() => {
  if (window.top !== window || !location.protocol.startsWith('http')) return;
  const phone = %(phone)s;
  // One axe run at a time: the run at load and the one at teardown may meet on a slow machine.
  let previous = Promise.resolve();
  const run = async () => {
    const report = {url: location.pathname + location.search, overflow: null, violations: []};
    const width = document.documentElement.scrollWidth;
    if (phone && width > window.innerWidth) report.overflow = [width, window.innerWidth];
    try {
      const result = await axe.run(document, {
        resultTypes: ['violations'], runOnly: {type: 'tag', values: %(tags)s}});
      report.violations = result.violations
        .filter(v => %(severe)s.includes(v.impact))
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 4).map(n => n.target.join(' '))}));
    } catch (error) { report.error = String(error); }
    return report;
  };
  window.__ocopAuditRun = () => (previous = previous.then(run, run));
  window.addEventListener('load', () => setTimeout(async () => {
    const report = await window.__ocopAuditRun();
    if (window.__ocopAudit) window.__ocopAudit(report);
  }, 0));
})();
"""


@dataclass
class PageAudit:
    phone: bool
    reports: list = field(default_factory=list)

    def install(self, context) -> None:
        context.expose_binding("__ocopAudit", lambda _source, report: self.reports.append(report))
        context.add_init_script(Axe().axe_script)
        script = AUDIT_JS % {
            "phone": json.dumps(self.phone),
            "tags": json.dumps(TAGS),
            "severe": json.dumps(list(SEVERE)),
        }
        context.add_init_script(script)

    def check_last(self, page) -> None:
        try:
            # The journey's last click may still be loading its page: a document whose style
            # sheets have not arrived yet would be judged unstyled.
            page.wait_for_load_state("load")
            report = page.evaluate("window.__ocopAuditRun ? window.__ocopAuditRun() : null")
        except Exception:
            return
        if report:
            self.reports.append(report)

    def problems(self) -> list[str]:
        """One readable line per page and problem (a page checked twice is reported once)."""
        lines: dict[tuple, str] = {}
        for report in self.reports:
            url = report["url"]
            if report.get("overflow"):
                wide, window = report["overflow"]
                lines[(url, "overflow")] = (
                    f"{url}: {wide} px wide in a {window} px window (sideways scrolling)"
                )
            for violation in report["violations"]:
                nodes = ", ".join(violation["nodes"])
                lines[(url, violation["id"])] = (
                    f"{url}: [{violation['impact']}] {violation['id']}: {violation['help']} "
                    f"({nodes})"
                )
            if report.get("error"):
                lines[(url, "error")] = f"{url}: axe could not run: {report['error']}"
        return list(lines.values())
