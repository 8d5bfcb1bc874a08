"""Engines that run a batch on an existing distributed system (imported only when chosen)."""
