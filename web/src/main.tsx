// Entry point of the web app. first-requests.ts comes first: the viewer's language and zone are set and the first
// requests leave before the rest is evaluated and the first render.
import './first-requests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';
import './responsive.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
