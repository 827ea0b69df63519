import { render } from 'preact';
import { App } from './App';
import '@/components/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App search={location.search} />, root);
