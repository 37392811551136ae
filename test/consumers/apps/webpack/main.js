// Widgets imported AFTER mend-widgets/host, one entry each.
import 'mend-widgets/host';
import 'mend-widgets/baggage-banner';
import 'mend-widgets/offer-picker';
import 'mend-widgets/fund-meter';
import 'mend-widgets/root-cause-logger';
import { connect } from '../shared/connect.mjs';

connect('webpack');
