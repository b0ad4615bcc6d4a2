//! The series browser: domein → indicator → bron (with breakdown), as a collapsible tree.

use crate::model::{Dataset, SeriesKey, Soort};
use crate::tui::i18n::t;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Domain {
        domain: usize,
    },
    Indicator {
        domain: usize,
        indicator: usize,
    },
    /// Index into `Dataset::series`.
    Series {
        series: usize,
    },
}

#[derive(Debug, Clone)]
struct IndicatorNode {
    id: String,
    label: String,
    soort: Soort,
    series: Vec<usize>,
}

#[derive(Debug, Clone)]
struct DomainNode {
    name: String,
    indicators: Vec<IndicatorNode>,
}

/// One visible row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub node: Node,
    pub depth: u8,
    pub text: String,
    pub expanded: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Browser {
    domains: Vec<DomainNode>,
    open_domains: BTreeSet<usize>,
    open_indicators: BTreeSet<(usize, usize)>,
    rows: Vec<Row>,
    pub selected: usize,
}

impl Browser {
    pub fn new(dataset: &Dataset) -> Browser {
        let mut domains: Vec<DomainNode> = Vec::new();
        for (i, s) in dataset.series.iter().enumerate() {
            let d = match domains.iter().position(|d| d.name == s.key.domein) {
                Some(d) => d,
                None => {
                    domains.push(DomainNode {
                        name: s.key.domein.clone(),
                        indicators: Vec::new(),
                    });
                    domains.len() - 1
                }
            };
            let inds = &mut domains[d].indicators;
            match inds.iter_mut().find(|n| n.id == s.key.indicator) {
                Some(n) => n.series.push(i),
                None => {
                    let meta = dataset.indicator_meta(&s.key);
                    inds.push(IndicatorNode {
                        id: s.key.indicator.clone(),
                        label: meta.map_or(s.key.indicator.clone(), |m| m.label()),
                        soort: dataset.soort(&s.key),
                        series: vec![i],
                    });
                }
            }
        }
        let mut b = Browser {
            domains,
            open_domains: BTreeSet::from([0]),
            open_indicators: BTreeSet::from([(0, 0)]),
            rows: Vec::new(),
            selected: 0,
        };
        b.rebuild(dataset);
        b
    }

    fn rebuild(&mut self, dataset: &Dataset) {
        let mut rows = Vec::new();
        for (di, d) in self.domains.iter().enumerate() {
            let open = self.open_domains.contains(&di);
            rows.push(Row {
                node: Node::Domain { domain: di },
                depth: 0,
                text: d.name.clone(),
                expanded: Some(open),
            });
            if !open {
                continue;
            }
            for (ii, ind) in d.indicators.iter().enumerate() {
                let open = self.open_indicators.contains(&(di, ii));
                rows.push(Row {
                    node: Node::Indicator {
                        domain: di,
                        indicator: ii,
                    },
                    depth: 1,
                    text: format!("{} ({})", ind.label, t().soort(ind.soort)),
                    expanded: Some(open),
                });
                if !open {
                    continue;
                }
                for (si, (bron, parts)) in series_names(dataset, ind) {
                    let text = match parts.is_empty() {
                        true => bron.to_string(),
                        false => format!("{bron} · {parts}"),
                    };
                    rows.push(Row {
                        node: Node::Series { series: si },
                        depth: 2,
                        text,
                        expanded: None,
                    });
                }
            }
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Every indicator and series with the names the tree gives them, open or not: the
    /// indicator's node with [domain, indicator label], then each of its series with [domain,
    /// indicator label, bron, breakdown] (the breakdown only as far as it differs, maybe empty).
    pub fn listing(&self, dataset: &Dataset) -> Vec<(Node, Vec<String>)> {
        let mut out = Vec::new();
        for (di, d) in self.domains.iter().enumerate() {
            for (ii, ind) in d.indicators.iter().enumerate() {
                let names = vec![d.name.clone(), ind.label.clone()];
                let node = Node::Indicator {
                    domain: di,
                    indicator: ii,
                };
                out.push((node, names.clone()));
                for (si, (bron, parts)) in series_names(dataset, ind) {
                    let mut names = names.clone();
                    names.extend([bron.to_string(), parts]);
                    out.push((Node::Series { series: si }, names));
                }
            }
        }
        out
    }

    /// Selects a node's row, opening its parents (an indicator is opened too, as Enter would).
    pub fn reveal_node(&mut self, dataset: &Dataset, node: &Node) {
        match node {
            Node::Series { series } => {
                let key = dataset.series[*series].key.clone();
                return self.reveal(dataset, &key);
            }
            Node::Indicator { domain, indicator } => {
                self.open_domains.insert(*domain);
                self.open_indicators.insert((*domain, *indicator));
            }
            Node::Domain { domain } => {
                self.open_domains.insert(*domain);
            }
        }
        self.rebuild(dataset);
        if let Some(i) = self.rows.iter().position(|r| r.node == *node) {
            self.selected = i;
        }
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    pub fn select(&mut self, index: usize) {
        if index < self.rows.len() {
            self.selected = index;
        }
    }

    /// Expands the selected domain/indicator; returns false when there was nothing to expand.
    pub fn expand(&mut self, dataset: &Dataset) -> bool {
        let changed = match self.selected_row().map(|r| r.node.clone()) {
            Some(Node::Domain { domain }) => self.open_domains.insert(domain),
            Some(Node::Indicator { domain, indicator }) => {
                self.open_indicators.insert((domain, indicator))
            }
            _ => false,
        };
        self.rebuild(dataset);
        changed
    }

    /// Collapses the selected node, or moves to its parent when it is a leaf or already closed.
    pub fn collapse(&mut self, dataset: &Dataset) {
        let Some(row) = self.selected_row().cloned() else {
            return;
        };
        let closed = match row.node {
            Node::Domain { domain } => self.open_domains.remove(&domain),
            Node::Indicator { domain, indicator } => {
                self.open_indicators.remove(&(domain, indicator))
            }
            Node::Series { .. } => false,
        };
        if !closed {
            // Move to the parent row.
            if let Some(parent) = self.rows[..self.selected]
                .iter()
                .rposition(|r| r.depth < row.depth)
            {
                self.selected = parent;
            }
        }
        self.rebuild(dataset);
    }

    /// Series under the selected row: one for a series row, all of an indicator without
    /// breakdown for an indicator row (the sources side by side).
    pub fn series_under_selection(&self, dataset: &Dataset) -> Vec<SeriesKey> {
        match self.selected_row().map(|r| &r.node) {
            Some(Node::Series { series }) => vec![dataset.series[*series].key.clone()],
            Some(Node::Indicator { domain, indicator }) => self.domains[*domain].indicators
                [*indicator]
                .series
                .iter()
                .map(|&i| &dataset.series[i].key)
                .filter(|k| k.breakdown.is_total())
                .cloned()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Selects the row of a series, expanding its parents.
    pub fn reveal(&mut self, dataset: &Dataset, key: &SeriesKey) {
        for (di, d) in self.domains.iter().enumerate() {
            for (ii, ind) in d.indicators.iter().enumerate() {
                if ind.series.iter().any(|&s| dataset.series[s].key == *key) {
                    self.open_domains.insert(di);
                    self.open_indicators.insert((di, ii));
                }
            }
        }
        self.rebuild(dataset);
        if let Some(i) = self.rows.iter().position(
            |r| matches!(r.node, Node::Series { series } if dataset.series[series].key == *key),
        ) {
            self.selected = i;
        }
    }

    /// What the chart shows at start: `start` from dataset.toml, else the indicator with the most sources side by side (and
    /// then the most figures), its totals selected and revealed in the tree.
    pub fn initial_selection(&mut self, dataset: &Dataset) -> Vec<SeriesKey> {
        let totals = |ind: &IndicatorNode| -> Vec<SeriesKey> {
            ind.series
                .iter()
                .map(|&i| &dataset.series[i].key)
                .filter(|k| k.breakdown.is_total())
                .cloned()
                .collect()
        };
        let best = self
            .domains
            .iter()
            .enumerate()
            .flat_map(|(d, dom)| {
                dom.indicators
                    .iter()
                    .enumerate()
                    .map(move |(i, ind)| (d, i, ind))
            })
            .max_by_key(|(d, i, ind)| {
                let keys = totals(ind);
                let mut sources: Vec<&str> = keys.iter().map(|k| k.bron.as_str()).collect();
                sources.dedup();
                let points: usize = keys
                    .iter()
                    .filter_map(|k| dataset.find(k))
                    .map(|s| s.points.len())
                    .sum();
                // Three sources side by side is the session's typical view; beyond that, more
                // figures (monthly series) make the better opening chart.
                (sources.len().min(3), points, std::cmp::Reverse((*d, *i)))
            });
        let configured = dataset.meta.start.as_ref().and_then(|st| {
            let d = self.domains.iter().position(|d| d.name == st.domein)?;
            let i = self.domains[d]
                .indicators
                .iter()
                .position(|n| n.id == st.indicator)?;
            Some((d, i, &self.domains[d].indicators[i]))
        });
        let Some((d, i, ind)) = configured.or(best) else {
            return Vec::new();
        };
        let mut keys = totals(ind);
        // With several gemeenten (regio's) the opening chart compares the sources of one: 50
        // regio's of one source in a single chart read as noise.
        if let Some(first) = keys.first().map(|k| k.breakdown.regio.clone()) {
            keys.retain(|k| k.breakdown.regio == first);
        }
        self.open_domains = BTreeSet::from([d]);
        self.open_indicators = BTreeSet::from([(d, i)]);
        self.rebuild(dataset);
        if let Some(row) = self.rows.iter().position(|r| {
            r.node
                == Node::Indicator {
                    domain: d,
                    indicator: i,
                }
        }) {
            self.selected = row;
        }
        keys
    }
}

/// (series index, (bron, breakdown as far as it differs within the indicator)) of each series of
/// an indicator.
fn series_names<'a>(
    dataset: &'a Dataset,
    ind: &'a IndicatorNode,
) -> impl Iterator<Item = (usize, (&'a str, String))> + 'a {
    let group: Vec<&crate::model::Breakdown> = ind
        .series
        .iter()
        .map(|&i| &dataset.series[i].key.breakdown)
        .collect();
    ind.series.iter().map(move |&si| {
        let key = &dataset.series[si].key;
        let parts = key.breakdown.describe_within(group.iter().copied());
        (si, (key.bron.as_str(), parts))
    })
}
