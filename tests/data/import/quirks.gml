graph [
  comment "ids of every kind"
  isPlanar 1
  node [ id 1 label "one" ]
  node [ id 1 label "again" ]
  node [ label "no id" ]
  node [ id "s2" name "two" tag "a" tag "b" ]
  node [ id 3 graphics [ x "left" y 4 ] data [ deep [ deeper 7 ] ] ]
  edge [ source 1 target 9 ]
  edge [ source 1 target 1 ]
  edge [ source 1 target "s2" ]
  edge [ source "s2" target 1 ]
  edge [ target 3 ]
  edge [ source 3 target 4 ]
  node [ id 4 ]
  layout [ algorithm "spring" ]
]
