import { render } from 'preact';
import { App } from './App';
import { uiLocale } from '@/utils/popup/labels';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLocale();
const root = document.getElementById('app');
if (root) render(<App />, root);
