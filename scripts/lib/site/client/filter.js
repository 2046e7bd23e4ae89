// Filters, sorting and the CSV download of the shown rows for the list pages. The table is
// complete in the HTML; this only hides rows. A filter <select name="x"> keeps the rows whose
// data-x attribute (a space-separated list) holds the chosen value. Filters can be preset from
// the address (?year=2023&class=icbm).

const csvCell = (s) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function setUp(form) {
  const table = document.getElementById(form.dataset.table);
  if (!table) return;
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const selects = [...form.querySelectorAll('select')];
  const status = form.querySelector('[data-count]');
  const link = form.querySelector('a[data-csv]');
  const headers = [...table.tHead.rows[0].cells].map((th) => th.textContent.trim());

  const shown = () => [...body.rows].filter((r) => !r.hidden);
  const csv = () => {
    const lines = [['id', ...headers].map(csvCell).join(',')];
    for (const r of shown()) {
      const cells = [...r.cells].map((td) => td.dataset.csv ?? td.textContent.trim().replace(/\s+/g, ' '));
      lines.push([r.dataset.id, ...cells].map(csvCell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  };
  const apply = () => {
    const wanted = selects.filter((s) => s.value).map((s) => [s.name, s.value]);
    for (const r of rows) r.hidden = !wanted.every(([k, v]) => (r.dataset[k] || '').split(' ').includes(v));
    const n = shown().length;
    status.textContent = `${n} of ${rows.length} shown`;
    if (link) link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv())}`;
  };

  const params = new URLSearchParams(location.search);
  for (const s of selects) {
    const v = params.get(s.name);
    if (v && [...s.options].some((o) => o.value === v)) s.value = v;
    s.addEventListener('change', apply);
  }
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => e.preventDefault());

  // Sorting: each column heading becomes a button; a second click reverses the order.
  [...table.tHead.rows[0].cells].forEach((th, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of table.tHead.rows[0].cells) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', dir);
      const key = (r) => r.cells[i].dataset.sort ?? r.cells[i].textContent.trim().toLowerCase();
      const sorted = [...body.rows].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (dir === 'ascending' ? 1 : -1);
      });
      body.append(...sorted);
      apply();
    });
  });
  form.hidden = false;
  apply();
}

for (const form of document.querySelectorAll('form.filters')) setUp(form);
