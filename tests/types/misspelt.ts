// A host with a misspelt event detail field (`nutrient` for `nutrients`): tsc must REJECT
// it (tests/package.rs: the_types_reject_a_misspelt_detail_field).
import type {} from 'leg-pain-quiz';

document.addEventListener('lpq-complete', (e) => {
  console.log(e.detail.nutrient);
});
