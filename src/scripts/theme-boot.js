{
  const root = document.documentElement;
  let theme;
  let solved = '';
  try {
    theme = localStorage.backpropTheme;
    // Solved exercises (src/lib/practice/progress.ts): ExerciseMarks.astro's rules mark them.
    solved = JSON.parse(localStorage.backpropExercises).solved.join(' ');
  } catch {}
  root.dataset.theme = theme || 'auto';
  root.dataset.solved = solved;
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
