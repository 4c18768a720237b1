-- Builds the conformance cases for ReefDB.FullText from fragments.txt, tsqueries.txt and texts.txt
-- (loaded by generate.sh into tables frag, tsq, txt) and prints the expected-results file.
-- Every expected value below is computed by the PostgreSQL server running this script.

CREATE TABLE docs(id int, body text);
INSERT INTO docs
SELECT i, f1.t || ' ' || f2.t || CASE WHEN i % 3 = 0 THEN ' ' || f3.t ELSE '' END
FROM generate_series(1, 300) AS i
JOIN frag f1 ON f1.n = (i - 1) % 80 + 1
JOIN frag f2 ON f2.n = (i * 7) % 80 + 1
JOIN frag f3 ON f3.n = (i * 31) % 80 + 1;

CREATE TABLE cases(seq serial, types text, sortmode text, stmt text);

-- to_tsvector of every document (english), and all documents under simple.
INSERT INTO cases(types, sortmode, stmt)
SELECT 'T', 'nosort', format('SELECT to_tsvector(%L, body) FROM docs WHERE id = %s', 'english', id) FROM docs ORDER BY id;
INSERT INTO cases(types, sortmode, stmt) VALUES
  ('IT', 'rowsort', 'SELECT id, to_tsvector(''simple'', body) FROM docs'),
  ('II', 'rowsort', 'SELECT id, length(to_tsvector(''english'', body)) FROM docs'),
  ('IT', 'rowsort', 'SELECT id, strip(to_tsvector(''english'', body)) FROM docs WHERE id <= 40'),
  ('IT', 'rowsort', 'SELECT id, setweight(to_tsvector(''english'', body), ''B'') FROM docs WHERE id <= 20'),
  ('IT', 'rowsort', 'SELECT id, setweight(to_tsvector(''english'', body), ''A'', ''{fat,cat,rat,run}'') FROM docs WHERE id <= 20'),
  ('IT', 'rowsort', 'SELECT id, setweight(to_tsvector(''english'', ''A Title About Cats''), ''A'') || to_tsvector(''english'', body) FROM docs WHERE id <= 30');

-- Query construction: to_tsquery (english, simple), numnode and querytree.
INSERT INTO cases(types, sortmode, stmt)
SELECT 'T', 'nosort', format('SELECT to_tsquery(%L, %L)', c, q) FROM tsq, (VALUES ('english'), ('simple')) AS v(c) ORDER BY n, c;
INSERT INTO cases(types, sortmode, stmt)
SELECT 'IT', 'nosort', format('SELECT numnode(to_tsquery(%L, %L)), querytree(to_tsquery(%L, %L))', 'english', q, 'english', q) FROM tsq ORDER BY n;

-- plainto / phraseto / websearch_to_tsquery of natural text.
INSERT INTO cases(types, sortmode, stmt)
SELECT 'T', 'nosort', format('SELECT %s(%L, %L)', f, c, t)
FROM txt, (VALUES ('plainto_tsquery'), ('phraseto_tsquery'), ('websearch_to_tsquery')) AS fn(f), (VALUES ('english'), ('simple')) AS v(c)
ORDER BY n, f, c;

-- @@: which documents match each query.
INSERT INTO cases(types, sortmode, stmt)
SELECT 'I', 'rowsort', format('SELECT id FROM docs WHERE to_tsvector(%L, body) @@ to_tsquery(%L, %L)', 'english', 'english', q) FROM tsq ORDER BY n;
INSERT INTO cases(types, sortmode, stmt)
SELECT 'I', 'rowsort', format('SELECT id FROM docs WHERE to_tsvector(%L, body) @@ %s(%L, %L)', c, f, c, t)
FROM txt, (VALUES ('websearch_to_tsquery'), ('phraseto_tsquery')) AS fn(f), (VALUES ('english'), ('simple')) AS v(c)
WHERE n % 2 = 0 OR f = 'websearch_to_tsquery'
ORDER BY n, f, c;

-- Ranking: ts_rank and ts_rank_cd, plain, with weights, with normalization flags, with weighted titles.
INSERT INTO cases(types, sortmode, stmt)
SELECT 'IRR', 'rowsort', format('SELECT id, ts_rank(to_tsvector(%L, body), to_tsquery(%L, %L)), ts_rank_cd(to_tsvector(%L, body), to_tsquery(%L, %L)) FROM docs WHERE to_tsvector(%L, body) @@ to_tsquery(%L, %L)',
  'english', 'english', q, 'english', 'english', q, 'english', 'english', q) FROM tsq ORDER BY n;
INSERT INTO cases(types, sortmode, stmt)
SELECT 'IRR', 'rowsort', format('SELECT id, ts_rank(%L, to_tsvector(%L, body), websearch_to_tsquery(%L, %L), %s), ts_rank_cd(%L, to_tsvector(%L, body), websearch_to_tsquery(%L, %L), %s) FROM docs WHERE id <= 120',
  '{0.05, 0.3, 0.6, 0.9}', 'english', 'english', t, n % 64, '{0.05, 0.3, 0.6, 0.9}', 'english', 'english', t, (n * 5) % 64) FROM txt ORDER BY n;
INSERT INTO cases(types, sortmode, stmt)
SELECT 'IRR', 'rowsort', format('SELECT id, ts_rank(setweight(to_tsvector(%L, %L), %L) || to_tsvector(%L, body), plainto_tsquery(%L, %L), %s), ts_rank_cd(setweight(to_tsvector(%L, %L), %L) || to_tsvector(%L, body), plainto_tsquery(%L, %L), %s) FROM docs WHERE id <= 60',
  'english', t, chr(65 + n % 4), 'english', 'english', t, (n * 3) % 64, 'english', t, chr(65 + n % 3), 'english', 'english', t, (n * 7) % 64) FROM txt WHERE n % 2 = 1 ORDER BY n;

-- ts_headline with assorted options, on matching documents and on a few that do not match.
INSERT INTO cases(types, sortmode, stmt)
SELECT 'IT', 'rowsort', format('SELECT id, ts_headline(%L, body, to_tsquery(%L, %L), %L) FROM docs WHERE id <= 80 AND to_tsvector(%L, body) @@ to_tsquery(%L, %L)',
  'english', 'english', q, o.opt, 'english', 'english', q)
FROM tsq JOIN (VALUES (0, ''), (1, 'MaxWords=10, MinWords=5'), (2, 'StartSel=<<, StopSel=>>, ShortWord=2'),
  (3, 'MaxFragments=2, MaxWords=8, MinWords=3'), (4, 'HighlightAll=true'),
  (5, 'MaxFragments=3, FragmentDelimiter=" | ", MaxWords=6, MinWords=2')) AS o(k, opt) ON o.k = n % 6
ORDER BY n;
INSERT INTO cases(types, sortmode, stmt)
SELECT 'IT', 'rowsort', format('SELECT id, ts_headline(%L, body, websearch_to_tsquery(%L, %L), %L) FROM docs WHERE id <= 12',
  'english', 'english', t, o.opt)
FROM txt JOIN (VALUES (0, 'MaxWords=12, MinWords=4'), (1, 'MaxFragments=2, MaxWords=7, MinWords=2, StartSel=[, StopSel=]'),
  (2, 'HighlightAll=on, StartSel=*, StopSel=*')) AS o(k, opt) ON o.k = n % 3
WHERE n % 4 = 0 ORDER BY n;

-- Literal values, operators, comparisons, ranking on literal vectors and error messages.
INSERT INTO cases(types, sortmode, stmt) SELECT types, 'nosort', stmt FROM expr ORDER BY n;

-- Renders one sqllogictest record with the server's own output text for every value.
CREATE FUNCTION emit(types text, sortmode text, stmt text) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  v json;
  lines text[] := '{}';
  line text;
BEGIN
  BEGIN
    FOR r IN EXECUTE stmt LOOP
      line := NULL;
      FOR v IN SELECT value FROM json_each(row_to_json(r)) LOOP
        line := concat_ws(' ', line, CASE json_typeof(v)
          WHEN 'boolean' THEN CASE WHEN v::text = 'true' THEN 't' ELSE 'f' END
          WHEN 'null' THEN 'NULL'
          WHEN 'string' THEN CASE WHEN v #>> '{}' = '' THEN '(empty)' ELSE v #>> '{}' END
          ELSE v::text END);
      END LOOP;
      lines := lines || coalesce(line, '(empty)');
    END LOOP;
  EXCEPTION WHEN others THEN
    RETURN 'statement error ' || SQLSTATE || ' ' || SQLERRM || E'\n' || stmt || E'\n';
  END;
  IF sortmode = 'rowsort' THEN
    SELECT coalesce(array_agg(x ORDER BY x COLLATE "C"), '{}') INTO lines FROM unnest(lines) AS x;
  END IF;
  RETURN 'query ' || types || ' ' || sortmode || E'\n' || stmt || E'\n----\n'
    || array_to_string(lines, E'\n') || CASE WHEN cardinality(lines) > 0 THEN E'\n' ELSE '' END;
END
$fn$;
