import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', '.astro/**', 'node_modules/**', 'public/**', '.shards/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers point one way: the data stages and the domain core never import the website's folders.
  {
    files: ['src/domain/**', 'src/schema/**', 'src/ingest/**', 'src/audit/**', 'src/compare/**', 'src/export/**', 'src/categories/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(lib|pages|components|layouts|scripts|styles|charts)(/|$)',
              message: 'The data stages and src/domain/ must not import the website (src/lib, pages, components, layouts, charts); move the shared piece to src/domain/.',
            },
          ],
        },
      ],
    },
  },
);
