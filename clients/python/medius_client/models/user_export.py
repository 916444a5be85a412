from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alert_public import AlertPublic
    from ..models.assessment_public import AssessmentPublic
    from ..models.endpoint_public import EndpointPublic
    from ..models.routine_public import RoutinePublic
    from ..models.session_comment_public import SessionCommentPublic
    from ..models.session_public import SessionPublic
    from ..models.share_link_public import ShareLinkPublic
    from ..models.user_public import UserPublic


T = TypeVar("T", bound="UserExport")


@_attrs_define
class UserExport:
    """
    Attributes:
        alerts (list[AlertPublic]): Raised for you, oldest first.
        assessments (list[AssessmentPublic]):
        exported_at (datetime.datetime):
        format_ (str):
        profile (UserPublic):
        routines (list[RoutinePublic]):
        session_comments (list[SessionCommentPublic]): Your care team's comments on your sessions, oldest first.
        sessions (list[SessionPublic]):
        webhooks (list[EndpointPublic]): Your own webhook endpoints (their secrets are never exported).
        share_links (list[ShareLinkPublic] | Unset): Your share links, oldest first, with their status (never their
            tokens).
    """

    alerts: list[AlertPublic]
    assessments: list[AssessmentPublic]
    exported_at: datetime.datetime
    format_: str
    profile: UserPublic
    routines: list[RoutinePublic]
    session_comments: list[SessionCommentPublic]
    sessions: list[SessionPublic]
    webhooks: list[EndpointPublic]
    share_links: list[ShareLinkPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        assessments = []
        for assessments_item_data in self.assessments:
            assessments_item = assessments_item_data.to_dict()
            assessments.append(assessments_item)

        exported_at = self.exported_at.isoformat()

        format_ = self.format_

        profile = self.profile.to_dict()

        routines = []
        for routines_item_data in self.routines:
            routines_item = routines_item_data.to_dict()
            routines.append(routines_item)

        session_comments = []
        for session_comments_item_data in self.session_comments:
            session_comments_item = session_comments_item_data.to_dict()
            session_comments.append(session_comments_item)

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        webhooks = []
        for webhooks_item_data in self.webhooks:
            webhooks_item = webhooks_item_data.to_dict()
            webhooks.append(webhooks_item)

        share_links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.share_links, Unset):
            share_links = []
            for share_links_item_data in self.share_links:
                share_links_item = share_links_item_data.to_dict()
                share_links.append(share_links_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alerts": alerts,
                "assessments": assessments,
                "exported_at": exported_at,
                "format": format_,
                "profile": profile,
                "routines": routines,
                "session_comments": session_comments,
                "sessions": sessions,
                "webhooks": webhooks,
            }
        )
        if share_links is not UNSET:
            field_dict["share_links"] = share_links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_public import AlertPublic  # noqa: PLC0415
        from ..models.assessment_public import AssessmentPublic  # noqa: PLC0415
        from ..models.endpoint_public import EndpointPublic  # noqa: PLC0415
        from ..models.routine_public import RoutinePublic  # noqa: PLC0415
        from ..models.session_comment_public import SessionCommentPublic  # noqa: PLC0415
        from ..models.session_public import SessionPublic  # noqa: PLC0415
        from ..models.share_link_public import ShareLinkPublic  # noqa: PLC0415
        from ..models.user_public import UserPublic  # noqa: PLC0415

        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = AlertPublic.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        assessments = []
        _assessments = d.pop("assessments")
        for assessments_item_data in _assessments:
            assessments_item = AssessmentPublic.from_dict(assessments_item_data)

            assessments.append(assessments_item)

        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        format_ = d.pop("format")

        profile = UserPublic.from_dict(d.pop("profile"))

        routines = []
        _routines = d.pop("routines")
        for routines_item_data in _routines:
            routines_item = RoutinePublic.from_dict(routines_item_data)

            routines.append(routines_item)

        session_comments = []
        _session_comments = d.pop("session_comments")
        for session_comments_item_data in _session_comments:
            session_comments_item = SessionCommentPublic.from_dict(session_comments_item_data)

            session_comments.append(session_comments_item)

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = SessionPublic.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        webhooks = []
        _webhooks = d.pop("webhooks")
        for webhooks_item_data in _webhooks:
            webhooks_item = EndpointPublic.from_dict(webhooks_item_data)

            webhooks.append(webhooks_item)

        _share_links = d.pop("share_links", UNSET)
        share_links: list[ShareLinkPublic] | Unset = UNSET
        if _share_links is not UNSET:
            share_links = []
            for share_links_item_data in _share_links:
                share_links_item = ShareLinkPublic.from_dict(share_links_item_data)

                share_links.append(share_links_item)

        user_export = cls(
            alerts=alerts,
            assessments=assessments,
            exported_at=exported_at,
            format_=format_,
            profile=profile,
            routines=routines,
            session_comments=session_comments,
            sessions=sessions,
            webhooks=webhooks,
            share_links=share_links,
        )

        user_export.additional_properties = d
        return user_export

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
