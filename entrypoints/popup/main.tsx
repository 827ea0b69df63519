import { render } from 'preact';
import { App } from './App';
import { tabIdFromSearch } from '@/utils/popup/target-tab';
import { uiLocale } from '@/utils/popup/labels';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLocale();
// The toolbar popup gets a fixed width; the report page (`?tab=`) is fluid.
document.documentElement.classList.add(tabIdFromSearch(location.search) === null ? 'is-popup' : 'is-page');
const root = document.getElementById('app');
if (root) render(<App search={location.search} />, root);
