-- owner: the name of the API key that created the project. Only that key (or an admin) sees the project, its
-- stages and its files; projects made before keys existed belong to no key ('') and are seen by admins only.
ALTER TABLE project ADD COLUMN owner VARCHAR(64) NOT NULL DEFAULT '';
CREATE INDEX ix_project_owner ON project (owner, id);
