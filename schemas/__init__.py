"""Pydantic models shared by every stage: config, documents, claims, exports."""
