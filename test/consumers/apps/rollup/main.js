// Widgets imported BEFORE mend-widgets/host: they ask for the host's adapter before <mend-host>
// exists, and must still get it.
import 'mend-widgets/offer-picker';
import 'mend-widgets/baggage-banner';
import 'mend-widgets/fund-meter';
import 'mend-widgets/root-cause-logger';
import 'mend-widgets/host';
import { connect } from '../shared/connect.mjs';

connect('rollup');
