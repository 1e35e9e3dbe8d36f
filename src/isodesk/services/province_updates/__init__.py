"""Packages from the province to its units: the province's calendar overlay and procedure catalogue, exported by
the province office and applied by each commune or ward office (issue 13)."""
