"""The HTTP side of corefact: URL fetching (:mod:`.fetch`) and the API and web page (:mod:`.app`)."""
