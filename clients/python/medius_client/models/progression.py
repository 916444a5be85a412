from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.progression_basis import ProgressionBasis
from ..models.progression_kind import ProgressionKind
from ..models.provenance import Provenance
from ..types import UNSET, Unset

T = TypeVar("T", bound="Progression")


@_attrs_define
class Progression:
    """
    Attributes:
        description (str):
        kind (ProgressionKind):
        provenance (Provenance):
        article_text (None | str | Unset): The article's sentence our description renders.
        basis (None | ProgressionBasis | Unset): article-progression: the article's own progression; article-range:
            moving within a range the article gives; medius: Medius' own. Defaults from provenance (article -> article-
            range).
        target (None | str | Unset): Next exercise, for next-exercise.
    """

    description: str
    kind: ProgressionKind
    provenance: Provenance
    article_text: None | str | Unset = UNSET
    basis: None | ProgressionBasis | Unset = UNSET
    target: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        kind = self.kind.value

        provenance = self.provenance.value

        article_text: None | str | Unset
        if isinstance(self.article_text, Unset):
            article_text = UNSET
        else:
            article_text = self.article_text

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, ProgressionBasis):
            basis = self.basis.value
        else:
            basis = self.basis

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "kind": kind,
                "provenance": provenance,
            }
        )
        if article_text is not UNSET:
            field_dict["article_text"] = article_text
        if basis is not UNSET:
            field_dict["basis"] = basis
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        kind = ProgressionKind(d.pop("kind"))

        provenance = Provenance(d.pop("provenance"))

        def _parse_article_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        article_text = _parse_article_text(d.pop("article_text", UNSET))

        def _parse_basis(data: object) -> None | ProgressionBasis | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = ProgressionBasis(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressionBasis | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        progression = cls(
            description=description,
            kind=kind,
            provenance=provenance,
            article_text=article_text,
            basis=basis,
            target=target,
        )

        return progression
