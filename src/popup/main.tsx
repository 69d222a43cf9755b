import { render } from 'preact';
import { applyPageLanguage } from '../shared/page-language';
import { App } from './app';

applyPageLanguage('extName');
const root = document.getElementById('app');
if (root) render(<App />, root);
