"""The quality management system's rules: the steps of QĐ 19/2014/QĐ-TTg (:mod:`.journey`), measurable quality
objectives (:mod:`.objectives`) and the life of a quality policy (:mod:`.policy`)."""
