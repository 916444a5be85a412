from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="Mcid")


@_attrs_define
class Mcid:
    """The minimal clinically important difference (or the measurement error) as its source
    published it; Medius never sets one of its own.

        Attributes:
            reason (str): Where the figure comes from and how it applies, or why none.
            value (float | None): The source's figure in the score's unit, as a positive size of change; null where no
                published figure exists (see `reason`).
            kind (None | str | Unset): What the figure is: `mcid` (an anchor-based minimal important change) or `mdc` (a
                measurement error).
            provenance (str | Unset): Always `source`: the figure is the cited source's, not Medius'. Default: 'source'.
            source (Citation | None | Unset):
    """

    reason: str
    value: float | None
    kind: None | str | Unset = UNSET
    provenance: str | Unset = "source"
    source: Citation | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.citation import Citation  # noqa: PLC0415

        reason = self.reason

        value: float | None
        value = self.value

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        provenance = self.provenance

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, Citation):
            source = self.source.to_dict()
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "value": value,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if provenance is not UNSET:
            field_dict["provenance"] = provenance
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        provenance = d.pop("provenance", UNSET)

        def _parse_source(data: object) -> Citation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = Citation.from_dict(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Citation | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        mcid = cls(
            reason=reason,
            value=value,
            kind=kind,
            provenance=provenance,
            source=source,
        )

        return mcid
