//! One matched nutrient: how strongly, why, what it does, foods that fit, and cautions.

use crate::knowledge::{Kb, Strength};
use crate::quiz::NutrientMatch;
use crate::text::amount;
use crate::ui::text;
use yew::prelude::*;

pub fn nutrient_card(kb: Kb, m: &NutrientMatch) -> Html {
    let Some(n) = kb.nutrient(&m.id) else { return html! {} };
    // Says how many answers point here, never how likely a shortfall is: only a blood
    // test can tell that.
    let strength_label = match m.strength {
        Strength::Strong => "Several reasons to check",
        Strength::Moderate => "Some reasons to check",
        Strength::Possible => "One reason to check",
    };
    let foods = m.foods.iter().filter_map(|s| kb.food(&s.id).map(|f| (s, f))).map(|(s, f)| {
        let caution = s.caution.as_deref().and_then(|tag| kb.food_caution(tag));
        html! {
            <li data-food={text(&f.id)}>
                <span class="lpq-food-name">{ text(&f.name) }</span>
                <span class="lpq-food-amount">{ format!("{} {} in {}", amount(s.amount), n.unit, f.serving) }</span>
                if let Some(note) = &f.note {
                    <span class="lpq-food-note">{ text(note) }</span>
                }
                if let Some(c) = caution {
                    <span class="lpq-food-warning">{ text(&c.note) }</span>
                }
            </li>
        }
    });
    html! {
        <li class="lpq-nutrient" data-nutrient={m.id.clone()} data-strength={m.strength.id()}>
            <div class="lpq-nutrient-head">
                <h4>{ text(&n.name) }</h4>
                <span class="lpq-badge">{ strength_label }</span>
            </div>
            <p class="lpq-why-title">{ "Why:" }</p>
            <ul class="lpq-reasons">{ for m.reasons.iter().map(|r| html! { <li>{ text(r) }</li> }) }</ul>
            <p>{ text(&n.legs) }</p>
            <details class="lpq-more">
                <summary>{ format!("More about {}", n.name) }</summary>
                <p>{ text(&n.role) }</p>
                <p>{ text(&n.daily_need) }</p>
                <p><strong>{ "More likely to run low: " }</strong>{ n.risk_groups.join("; ") }</p>
                if !n.depleting_medicines.is_empty() {
                    <p><strong>{ "Medicines that can lower it: " }</strong>{ n.depleting_medicines.join("; ") }</p>
                }
            </details>
            if !m.foods.is_empty() {
                <p class="lpq-foods-title">{ "Foods that fit your diet:" }</p>
                <ul class="lpq-foods">{ for foods }</ul>
            } else {
                <p>{ "None of the foods we know fits every food you avoid: a dietitian can help." }</p>
            }
            if !n.absorption_tips.is_empty() {
                <ul class="lpq-tips">{ for n.absorption_tips.iter().map(|t| html! { <li>{ text(t) }</li> }) }</ul>
            }
            <p class="lpq-supplement-caution"><strong>{ "Supplements: " }</strong>{ text(&n.supplement_caution) }</p>
        </li>
    }
}
