-- The schema owner runs migrations; the app role owns nothing, so row-level security applies to it.
CREATE ROLE meike_owner LOGIN PASSWORD 'meike_owner';
CREATE ROLE meike_app LOGIN PASSWORD 'meike_app' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE meike OWNER meike_owner ENCODING 'UTF8' TEMPLATE template0;
