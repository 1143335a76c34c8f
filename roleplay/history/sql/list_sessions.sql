-- SessionStore.list's query (roleplay/history/sessions.py: list_query) as SQLite runs it;
-- the terminal's quick list runs it with sqlite3 (listing.py). Parameters: limit, offset.
-- Written from the query; tests/integration/test_history.py fails when they differ.
SELECT sessions.id, users.name, sessions.persona_id, sessions.persona_name, sessions.company, sessions.role, sessions.started_at, sessions.ended_at, sessions.end_reason, anon_1.n, reports.overall 
FROM sessions JOIN users ON users.id = sessions.user_id LEFT OUTER JOIN (SELECT turns.session_id AS session_id, count(*) AS n 
FROM turns GROUP BY turns.session_id) AS anon_1 ON anon_1.session_id = sessions.id LEFT OUTER JOIN (SELECT reports.session_id AS session_id, max(reports.id) AS report_id 
FROM reports GROUP BY reports.session_id) AS anon_2 ON anon_2.session_id = sessions.id LEFT OUTER JOIN reports ON reports.id = anon_2.report_id ORDER BY sessions.started_at DESC
 LIMIT ? OFFSET ?
