import { render } from 'preact';
import { applyPageLanguage } from '../shared/page-language';
import { OptionsApp } from './options-app';

applyPageLanguage('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
