Creator "Consortia tests on Mon Jul 28 2025"
Version 2
# a comment line
graph
[
  directed 1
  label "Small teams"
  node
  [
    id 1
    label "SK텔레콤"
    graphics
    [
      x 12.5
      y -3
      fill "#FF0000"
      type "ellipse"
    ]
    employees 5000
  ]
  node [ id 2 label "AT&amp;T &quot;Labs&quot; &#54620;" value 0.25 ]
  node [ id 3 ]
  edge
  [
    source 1
    target 2
    value 3.5
    label "partner"
  ]
  edge [ source 2 target 3 ]
]
