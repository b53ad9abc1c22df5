// The peer's quiz: 14 questions like the widget's, one per page, then Complete.
(function () {
  var radio = function (name, title, choices) {
    return { elements: [{ type: "radiogroup", name: name, title: title, choices: choices }] };
  };
  var checks = function (name, title, choices) {
    return { elements: [{ type: "checkbox", name: name, title: title, choices: choices, showNoneItem: true }] };
  };
  var definition = {
    title: "Night-time leg pain check",
    showQuestionNumbers: "off",
    showProgressBar: "top",
    pages: [
      radio("age", "How old are you?", ["Under 18", "18 to 30", "31 to 50", "51 to 70", "Over 70"]),
      radio("sensation", "What do you feel in your legs?", ["A sudden, painful cramp", "An urge to move them", "Tingling or numbness", "An ache"]),
      radio("frequency", "How often does it happen?", ["Every night", "A few times a week", "About once a week", "Less often"]),
      radio("legs", "Which legs?", ["Both legs", "One leg only", "It changes"]),
      radio("sex", "Which applies to you?", ["Male", "Female", "Female, pregnant", "Female, with heavy periods", "I'd rather not say"]),
      checks("warning_signs", "Do you have any of these?", ["One calf swollen, warm or red", "Breathlessness or chest pain", "Weakness in a leg", "A fever with the pain", "A leg that is cold or pale"]),
      checks("daily_life", "Which of these are part of your days?", ["Hard exercise or heat", "Long standing", "Coffee, tea or cola", "Alcohol most days", "Sitting for hours"]),
      checks("conditions", "Has a doctor told you that you have any of these?", ["Kidney disease", "Diabetes", "Thyroid problems", "Anaemia", "Liver disease"]),
      checks("medicines", "Do you take any of these medicines?", ["A water tablet (diuretic)", "A statin", "Metformin", "A blood pressure medicine (ACE or ARB)", "Steroids"]),
      checks("other_medicines", "And any of these?", ["An acid reflux medicine (PPI)", "An antidepressant", "An antihistamine", "Lithium"]),
      radio("diet", "How do you eat?", ["Everything", "Vegetarian", "Vegan", "Pescatarian"]),
      checks("eats", "Which of these do you eat most days?", ["Fruit and vegetables", "Meat, fish or eggs", "Dairy", "Nuts and seeds", "Whole grains"]),
      checks("avoid", "Do you avoid any of these foods?", ["Nuts", "Dairy", "Gluten", "Soy", "Fish"]),
      radio("daylight", "How much daylight do you get?", ["Little: mostly indoors", "Some", "A lot"])
    ]
  };
  var survey = new Survey.Model(definition);
  SurveyUI.renderSurvey(survey, document.getElementById("quiz"));
})();
