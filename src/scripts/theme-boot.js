{
  const root = document.documentElement;
  let theme;
  try {
    theme = localStorage.backpropTheme;
  } catch {}
  root.dataset.theme = theme || 'auto';
  document.addEventListener('click', (event) => {
    if (!event.target.closest('[data-theme-toggle]')) return;
    theme = root.dataset.theme;
    const dark = theme == 'dark' || (theme == 'auto' && matchMedia('(prefers-color-scheme:dark)').matches);
    root.dataset.theme = theme = dark ? 'light' : 'dark';
    try {
      localStorage.backpropTheme = theme;
    } catch {}
  });
}
