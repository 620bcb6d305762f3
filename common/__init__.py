"""Small helpers every app may use: CSV export, pagination, form widgets, security
middleware and log filters. It imports none of our apps."""
