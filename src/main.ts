import { mount } from 'svelte';
import story from 'virtual:story';
import Story from './components/Story.svelte';
import './app.css';

mount(Story, { target: document.getElementById('app')!, props: { story } });
