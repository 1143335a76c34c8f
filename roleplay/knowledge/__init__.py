"""Company research packs: loading, splitting, embedding and retrieval, stored in Chroma."""

from roleplay.knowledge.errors import KnowledgeError

__all__ = ["KnowledgeError"]
