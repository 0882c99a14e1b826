"""The Qt window: everything that imports PySide6 lives here, and it calls the core
(model, importers, export, checks), never the other way round."""
