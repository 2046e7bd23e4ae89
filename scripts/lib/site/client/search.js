// Search over every record with MiniSearch. The library and the prebuilt index are loaded on
// first use (the first keystroke, or a ?q= in the address), from beside this file, so the site
// works under any base path and asks nothing of any other server.

const root = new URL('../', import.meta.url);
let loading;

function load() {
  loading ??= Promise.all([
    import(new URL('./minisearch.js', import.meta.url).href),
    fetch(new URL('./search-index.json', import.meta.url)).then((r) => r.json()),
  ]).then(([mod, data]) => mod.default.loadJS(data.index, data.options));
  return loading;
}

function render(form, results, query) {
  const list = form.querySelector('[data-search-results]');
  const status = form.querySelector('[data-search-status]');
  list.dataset.query = query;
  list.replaceChildren(
    ...results.slice(0, 50).map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = new URL(`${r.id}/index.html`, root).href;
      a.textContent = r.title;
      const meta = document.createElement('span');
      meta.className = 'muted';
      meta.textContent = ` ${r.kind}${r.date ? `, ${r.date}` : ''}`;
      li.append(a, meta);
      return li;
    }),
  );
  status.textContent = query
    ? `${results.length} record${results.length === 1 ? '' : 's'} found${results.length > 50 ? ' (the first 50 shown)' : ''}`
    : '';
}

function setUp(form) {
  const input = form.querySelector('input[type=search]');
  let timer;
  const run = async () => {
    const query = input.value.trim();
    if (!query) return render(form, [], '');
    const index = await load();
    if (input.value.trim() === query) render(form, index.search(query), query);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener('focus', () => load(), { once: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run();
  }
}

for (const form of document.querySelectorAll('form[data-search]')) setUp(form);
