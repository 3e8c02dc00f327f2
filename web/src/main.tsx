// Entry point of the web app: the viewer's language and zone are set before the first render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n';
import { startHeadStart } from './panels/head-start';
import './styles.css';
import './responsive.css';

initI18n();
startHeadStart(location.pathname, location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
