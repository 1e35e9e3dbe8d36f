"""The quality management system (QĐ 19/2014/QĐ-TTg; TCVN ISO 9001:2015): its journey, people, scope, policy,
objectives computed from the ledger, milestones, announcement of conformity and its papers."""
