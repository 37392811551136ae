// The README's plain-HTML page: one import registers every element.
import 'mend-widgets';
import { connect } from '../shared/connect.mjs';

connect('vite-plain');
