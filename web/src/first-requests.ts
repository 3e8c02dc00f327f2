// Imported first by main.tsx, so it runs before the rest of the app is evaluated: the viewer's language and zone are
// read, and the first requests (head-start.ts) leave before React, the pages and the panels are evaluated. ECharts
// is asked for once they have left: evaluating it (about 640 KB) would otherwise hold them back.
import { loadECharts } from './components/echart';
import { initI18n } from './i18n';
import { startHeadStart } from './panels/head-start';

initI18n();
void startHeadStart(location.pathname, location.search)
  .then(loadECharts)
  .catch(() => undefined);
