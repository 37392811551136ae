import '../src/define/host.js';

const main = document.getElementById('console')!;
main.textContent = 'The widgets are being built.';
