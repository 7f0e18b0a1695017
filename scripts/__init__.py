"""Helper scripts for make: PostgreSQL for the tests (with-postgres.sh), the bench (bench/)."""
